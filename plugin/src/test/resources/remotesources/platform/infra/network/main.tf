terraform {
  required_version = ">= 1.5.0"
}

module "vpc" {
  source = "git::https://github.com/cloud-modules/terraform-aws-vpc.git"

  name = "core-${var.environment}"
  cidr = var.cidr
}

module "dns" {
  source = "github.com/cloud-modules/terraform-aws-route53//modules/zones?ref=main"
  zones  = var.zones
}

module "rds" {
  source = "terraform-aws-modules/rds/aws"

  identifier = "orders-db"
  engine     = "postgres"
}

module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = ">= 19.0"

  cluster_name = "core"
}

module "iam_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-assumable-role"
  version = "~> 5.30"
}

module "tagging" {
  source = "git::https://github.com/cloud-modules/terraform-null-label.git?ref=0bd3cc3a3ddbdef7be8b8e01a76ab8c1d5d1e2b1"
}

module "alarms" {
  source = "git::ssh://git@github.com/cloud-modules/terraform-aws-alarms.git?ref=v2.4.1"
}

module "local_buckets" {
  source = "./modules/buckets"
}

module "lambda_bundle" {
  source = "s3::https://s3-eu-west-1.amazonaws.com/acme-artifacts/lambda-module.zip"
}
