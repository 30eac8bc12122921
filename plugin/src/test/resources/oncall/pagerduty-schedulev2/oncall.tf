resource "pagerduty_user" "dana" {
  name  = "Dana Diaz"
  email = "dana@example.org"
}

resource "pagerduty_user" "eli" {
  name  = "Eli Evans"
  email = "eli@example.org"
}

resource "pagerduty_schedulev2" "business" {
  name        = "Payments business hours"
  time_zone   = "Europe/Berlin"
  description = "Weekday office hours only"

  rotation {
    event {
      name            = "Weekday office"
      start_time      = "2024-01-08T08:00:00Z"
      end_time        = "2024-01-08T16:00:00Z"
      effective_since = "2024-01-08T08:00:00Z"
      recurrence      = ["RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"]

      assignment_strategy {
        type              = "rotating_member_assignment_strategy"
        shifts_per_member = 2

        member {
          type    = "user_member"
          user_id = pagerduty_user.dana.id
        }

        member {
          type    = "user_member"
          user_id = pagerduty_user.eli.id
        }
      }
    }
  }
}

resource "pagerduty_schedulev2" "solo" {
  name      = "Ledger nights"
  time_zone = "UTC"

  rotation {
    event {
      name            = "Every night"
      start_time      = "2024-01-08T20:00:00Z"
      end_time        = "2024-01-09T08:00:00Z"
      effective_since = "2024-01-08T20:00:00Z"
      recurrence      = ["RRULE:FREQ=DAILY;INTERVAL=1"]

      assignment_strategy {
        type              = "rotating_member_assignment_strategy"
        shifts_per_member = 7

        member {
          type    = "user_member"
          user_id = pagerduty_user.dana.id
        }
      }
    }
  }
}

resource "pagerduty_schedulev2" "monthly" {
  name      = "Month end close"
  time_zone = "UTC"

  rotation {
    event {
      name            = "First of the month"
      start_time      = "2024-01-01T00:00:00Z"
      end_time        = "2024-01-02T00:00:00Z"
      effective_since = "2024-01-01T00:00:00Z"
      recurrence      = ["RRULE:FREQ=MONTHLY;BYMONTHDAY=1"]

      assignment_strategy {
        type = "every_member_assignment_strategy"

        member {
          type    = "user_member"
          user_id = pagerduty_user.dana.id
        }

        member {
          type    = "user_member"
          user_id = pagerduty_user.eli.id
        }
      }
    }
  }
}

resource "pagerduty_escalation_policy" "payments" {
  name      = "Payments"
  num_loops = 2

  rule {
    escalation_delay_in_minutes = 10
    target {
      type = "schedule_reference"
      id   = pagerduty_schedulev2.business.id
    }
  }
}

resource "pagerduty_escalation_policy" "close" {
  name = "Month end"

  rule {
    escalation_delay_in_minutes = 10
    target {
      type = "schedule_reference"
      id   = pagerduty_schedulev2.monthly.id
    }
  }
}

resource "pagerduty_service" "payments" {
  name              = "Payments production"
  escalation_policy = pagerduty_escalation_policy.payments.id
}

resource "pagerduty_service" "close" {
  name              = "Month end close"
  escalation_policy = pagerduty_escalation_policy.close.id
}
