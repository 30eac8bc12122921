resource "datadog_monitor" "orders_p95_latency" {
  name    = "Orders API p95 latency is high"
  type    = "metric alert"
  query   = "avg(last_10m):p95:trace.http.request.duration{service:orders,env:prod} > 0.8"
  message = <<-EOT
    p95 latency of the orders API is above 800 ms.
    Runbook: https://wiki.example.org/display/OPS/Orders+latency
    @pagerduty-orders
  EOT

  monitor_thresholds {
    critical = 0.8
    warning  = 0.5
  }

  tags = ["service:orders", "env:prod"]
}

resource "datadog_monitor" "orders_error_budget" {
  name    = "Orders API error rate ${var.environment}"
  type    = "query alert"
  query   = "sum(last_5m):sum:trace.http.request.errors{service:orders}.as_count() > 50"
  message = "Orders API errors above 50 in 5 minutes. @slack-orders-alerts @pagerduty-orders"

  monitor_thresholds {
    critical = 50
  }
}

resource "datadog_dashboard_json" "orders" {
  dashboard = file("${path.module}/orders-dashboard.json")
}
