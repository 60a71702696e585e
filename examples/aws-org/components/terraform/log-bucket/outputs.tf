output "bucket_name" {
  description = "Name of the log bucket."
  value       = local.bucket_name
}

output "bucket_arn" {
  description = "ARN of the log bucket."
  value       = "arn:aws:s3:::${local.bucket_name}"
}

output "bucket_region" {
  description = "Region of the log bucket."
  value       = var.region
}

output "retention_days" {
  description = "Days after which log objects expire."
  value       = var.retention_days
}

output "object_lock_mode" {
  description = "Object Lock mode, or null when Object Lock is disabled."
  value       = var.object_lock.enabled ? var.object_lock.mode : null
}
