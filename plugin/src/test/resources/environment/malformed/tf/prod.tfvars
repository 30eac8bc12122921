region = "eu-west-1"
this line is not an assignment
tags = {
  team = "web"
