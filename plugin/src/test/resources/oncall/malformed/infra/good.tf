resource "pagerduty_escalation_policy" "ok" {
  name = "Ok"
  rule {
    escalation_delay_in_minutes = 5
    target {
      type = "user_reference"
      id   = "PUSER1"
    }
  }
}
