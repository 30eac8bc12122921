instance_type = "m5.large"
replicas = 3
