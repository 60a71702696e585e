locals {
  account_alias = join("-", [var.namespace, var.tenant, var.stage])
  budget_name   = "${local.account_alias}-monthly"

  tags = merge(var.tags, {
    Name = "${local.account_alias}-${var.environment}-account-settings"
  })

  budget_notifications = [
    for threshold in var.budget.thresholds_percent : {
      threshold_percent = threshold
      subscribers       = var.budget.alert_emails
    }
  ]
}

# Stand-in for aws_ebs_encryption_by_default, aws_s3_account_public_access_block,
# aws_iam_account_password_policy, aws_budgets_budget and aws_ssoadmin_* resources.
resource "terraform_data" "account_settings" {
  input = {
    account_alias          = local.account_alias
    region                 = var.region
    ebs_default_encryption = var.ebs_default_encryption_enabled
    s3_public_access_block = var.s3_public_access_block_enabled
    password_policy        = var.password_policy
    budget = {
      name          = local.budget_name
      limit_usd     = var.budget.limit_usd
      notifications = local.budget_notifications
    }
    iam_identity_center = var.iam_identity_center
    tags                = local.tags
  }
}
