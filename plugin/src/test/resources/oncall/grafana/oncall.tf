resource "grafana_oncall_on_call_shift" "weekdays" {
  name          = "Weekdays"
  type          = "rolling_users"
  start         = "2024-01-01T09:00:00"
  duration      = 28800
  frequency     = "weekly"
  by_day        = ["MO", "TU", "WE", "TH", "FR"]
  rolling_users = [["UKIM"], ["ULEO"]]
  time_zone     = "Europe/Paris"
}

resource "grafana_oncall_schedule" "ops" {
  name      = "Ops"
  type      = "calendar"
  time_zone = "Europe/Paris"
  shifts    = [grafana_oncall_on_call_shift.weekdays.id]
}

resource "grafana_oncall_escalation_chain" "ops" {
  name = "Ops"
}

resource "grafana_oncall_escalation" "first" {
  escalation_chain_id          = grafana_oncall_escalation_chain.ops.id
  type                         = "notify_on_call_from_schedule"
  notify_on_call_from_schedule = grafana_oncall_schedule.ops.id
  position                     = 0
}

resource "grafana_oncall_escalation" "wait" {
  escalation_chain_id = grafana_oncall_escalation_chain.ops.id
  type                = "wait"
  duration            = 900
  position            = 1
}
