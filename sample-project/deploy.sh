#!/bin/sh
# Deploys whatever is in the registry under :latest. Only Sam knows how to roll back.
set -e
kubectl --context "$1" set image deployment/shop shop="$REGISTRY/shop:latest"
