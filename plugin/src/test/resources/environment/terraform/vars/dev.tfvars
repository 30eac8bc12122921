instance_type = "t3.small"
/* no replicas in dev
   on purpose */
