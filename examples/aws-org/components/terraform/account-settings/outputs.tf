output "account_alias" {
  description = "IAM account alias derived from namespace, tenant and stage."
  value       = local.account_alias
}

output "budget_name" {
  description = "Name of the monthly cost budget."
  value       = local.budget_name
}

output "budget_limit_usd" {
  description = "Monthly budget limit in USD."
  value       = var.budget.limit_usd
}

output "sso_permission_sets" {
  description = "IAM Identity Center permission sets managed from this account (empty unless SSO is enabled)."
  value       = var.iam_identity_center.enabled ? var.iam_identity_center.permission_sets : []
}

output "settings_id" {
  description = "ID of the settings record."
  value       = terraform_data.account_settings.id
}
