output "policy_name" {
  description = "Name of the baseline service control policy."
  value       = local.policy_name
}

output "policy_id" {
  description = "Deterministic policy ID derived from the policy content."
  value       = "p-${substr(sha1(local.policy_document), 0, 8)}"
}

output "policy_document" {
  description = "The SCP JSON document."
  value       = local.policy_document
}

output "statement_ids" {
  description = "Sids of the statements included in the policy."
  value       = [for s in local.statements : s.Sid]
}

output "attached_ous" {
  description = "Organizational units the policy is attached to."
  value       = var.target_ou_names
}
