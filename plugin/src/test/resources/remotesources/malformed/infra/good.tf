module "bucket" {
  source = "git::https://github.com/cloud-modules/terraform-aws-s3-bucket.git?ref=master"
}
