# PagerDuty configuration of the shop, kept in Terraform.
locals {
  time_zone = "Europe/Berlin"
}

resource "pagerduty_user" "sam" {
  name  = "Sam Sole"
  email = "sam@shop.example"
}

resource "pagerduty_team" "ops" {
  name = "Ops"
}

# Sam is the only one who knows the shop's servers, so Sam is on call. Every week.
resource "pagerduty_schedule" "shop_primary" {
  name      = "Shop primary"
  time_zone = local.time_zone

  layer {
    name                         = "Business hours"
    start                        = "2025-01-06T08:00:00+01:00"
    rotation_virtual_start       = "2025-01-06T08:00:00+01:00"
    rotation_turn_length_seconds = 604800
    users                        = [pagerduty_user.sam.id]

    # 08:00-22:00 every day: nobody is paged at night
    restriction {
      type              = "daily_restriction"
      start_time_of_day = "08:00:00"
      duration_seconds  = 50400
    }
  }
}

resource "pagerduty_escalation_policy" "shop" {
  name      = "Shop"
  teams     = [pagerduty_team.ops.id]
  num_loops = 0

  rule {
    escalation_delay_in_minutes = 30
    target {
      type = "schedule_reference"
      id   = pagerduty_schedule.shop_primary.id
    }
  }
}

resource "pagerduty_service" "shop_production" {
  name                    = "Shop production"
  escalation_policy       = pagerduty_escalation_policy.shop.id
  acknowledgement_timeout = "null"
}
