# Production
instance_type = "m5.large"
replicas      = 3 # three zones
tags = {
  team = "shop"
  tier = "prod"
}
allowed_cidrs = [
  "10.0.0.0/8",
]
