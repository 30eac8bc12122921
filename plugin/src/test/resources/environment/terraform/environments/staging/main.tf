module "shop" {
  source = "../../modules/shop"
}
