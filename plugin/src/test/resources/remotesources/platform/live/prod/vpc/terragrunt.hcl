include "root" {
  path = find_in_parent_folders()
}

terraform {
  source = "git::git@github.com:acme-org/infra-modules.git//vpc?ref=develop"
}

inputs = {
  cidr = "10.20.0.0/16"
}
