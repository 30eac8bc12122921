module "queue" {
  source = "git::https://github.com/cloud-modules/terraform-aws-sqs.git?ref=main"

  name = "orders"
  tags = {
    team = "payments"

module "topic" {
  source = "git::https://github.com/cloud-modules/terraform-aws-sns.git"
}
