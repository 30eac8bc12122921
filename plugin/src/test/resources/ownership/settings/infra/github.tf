# Repository access managed with the GitHub provider
resource "github_branch_protection" "main" {
  repository_id  = github_repository.payments.node_id
  pattern        = "main"
  enforce_admins = true

  required_status_checks {
    strict   = true
    contexts = ["ci/build"]
  }

  required_pull_request_reviews {
    dismiss_stale_reviews           = true
    require_code_owner_reviews      = true
    required_approving_review_count = 2
  }
}

resource "github_repository_environment" "prod" {
  environment         = "prod"
  repository          = github_repository.payments.name
  prevent_self_review = true
  wait_timer          = 10
  reviewers {
    teams = [github_team.sre.id]
  }
  deployment_branch_policy {
    protected_branches     = true
    custom_branch_policies = false
  }
}

resource "github_team_repository" "deployers" {
  team_id    = github_team.deployers.id
  repository = github_repository.payments.name
  permission = "admin"
}

/* GitLab side of the mirror */
resource "gitlab_branch_protection" "main" {
  project                      = gitlab_project.payments.id
  branch                       = "main"
  push_access_level            = "developer"
  merge_access_level           = "maintainer"
  code_owner_approval_required = true
}
