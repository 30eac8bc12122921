resource "github_team_repository" "half" {
  team_id    = "ops"
  permission = "admin"
