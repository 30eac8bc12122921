resource "pagerduty_schedule" "broken" {
  name = "Broken"
  layer {
    users = [
}
