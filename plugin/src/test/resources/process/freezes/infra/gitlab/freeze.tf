resource "gitlab_project_freeze_period" "year_end" {
  project       = gitlab_project.shop.id
  freeze_start  = "0 23 20 12 *"
  freeze_end    = "0 7 2 1 *"
  cron_timezone = "Europe/Berlin"
}
