variable "time_zone" {
  default = "Europe/London"
}

variable "token" {}

locals {
  people = {
    alice = { name = "Alice Archer", email = "alice@example.org" }
    bob   = { name = "Bob Baker", email = "bob@example.org" }
  }
  carol = pagerduty_user.carol.id
}
