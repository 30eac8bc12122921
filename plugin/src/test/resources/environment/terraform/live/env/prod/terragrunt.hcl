include "root" {
  path = find_in_parent_folders()
}

inputs = {
  instance_type = "m5.large"
  db_password   = "tf-Fixture-Pw-77"
}
