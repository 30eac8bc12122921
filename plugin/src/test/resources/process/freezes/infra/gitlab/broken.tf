resource "gitlab_project_freeze_period" "weekend" {
  project      = gitlab_project.shop.id
  freeze_start = "0 18 * * 5"
  freeze_end   = "0 6 * * 1
}
