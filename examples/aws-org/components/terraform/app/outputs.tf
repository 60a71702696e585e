output "service_name" {
  description = "Fully qualified service name."
  value       = local.service_name
}

output "image_uri" {
  description = "Container image the service runs."
  value       = local.image_uri
}

output "endpoint" {
  description = "HTTPS endpoint of the service, or null for workers."
  value       = local.endpoint
}

output "capacity" {
  description = "Minimum and maximum task count."
  value       = local.capacity
}

output "log_group_name" {
  description = "CloudWatch log group of the service."
  value       = "/ecs/${local.service_name}"
}
