resource "pagerduty_user" "people" {
  for_each = local.people
  name     = each.value.name
  email    = each.value.email
}

resource "pagerduty_user" "carol" {
  name  = "Carol Cole"
  email = "carol@example.org"
}

resource "pagerduty_user" "team" {
  name  = "Shop Platform Team"
  email = "platform@example.org"
}

resource "pagerduty_schedule" "primary" {
  name      = "Shop primary"
  time_zone = var.time_zone

  layer {
    name                         = "Office hours"
    start                        = "2024-01-01T00:00:00Z"
    rotation_virtual_start       = "2024-01-01T08:00:00Z"
    rotation_turn_length_seconds = 604800
    users = [
      pagerduty_user.people["alice"].id,
      pagerduty_user.people["bob"].id,
      local.carol,
    ]

    restriction {
      type              = "daily_restriction"
      start_time_of_day = "07:00:00"
      duration_seconds  = 57600
    }
  }

  lifecycle {
    ignore_changes = [layer[0].users]
  }
}

resource "pagerduty_schedule" "fallback" {
  name      = "Shop fallback"
  time_zone = "Europe/London"

  layer {
    name                         = "Team account"
    start                        = "2024-01-01T00:00:00Z"
    rotation_virtual_start       = "2024-01-01T00:00:00Z"
    rotation_turn_length_seconds = 3600
    users                        = [pagerduty_user.team.id]
  }
}

resource "pagerduty_escalation_policy" "shop" {
  name      = "Shop"
  num_loops = 0

  rule {
    escalation_delay_in_minutes = 45
    target {
      type = "schedule_reference"
      id   = pagerduty_schedule.primary.id
    }
  }
}

resource "pagerduty_escalation_policy" "direct" {
  name = "Direct"

  rule {
    escalation_delay_in_minutes = 10
    target {
      type = "user_reference"
      id   = pagerduty_user.carol.id
    }
  }
  rule {
    escalation_delay_in_minutes = 10
    target {
      type = "schedule_reference"
      id   = pagerduty_schedule.missing.id
    }
  }
}

resource "pagerduty_service" "shop_production" {
  name                    = "Shop production"
  escalation_policy       = pagerduty_escalation_policy.shop.id
  acknowledgement_timeout = "null"
}

resource "pagerduty_service" "reports" {
  name = "Reports"
}
