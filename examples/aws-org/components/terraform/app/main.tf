locals {
  service_name = join("-", [var.namespace, var.tenant, var.environment, var.stage, var.name])
  image_uri    = "${var.image.repository}:${var.image.tag}"

  endpoint = var.http.enabled ? format(
    "https://%s.%s.%s.%s.%s",
    var.name, var.environment, var.stage, var.tenant,
    var.http.public ? "${var.namespace}.example.com" : "${var.namespace}.internal",
  ) : null

  capacity = var.autoscaling.enabled ? {
    min = var.autoscaling.min_capacity
    max = var.autoscaling.max_capacity
    } : {
    min = var.desired_count
    max = var.desired_count
  }
}

# Stand-in for aws_ecs_service, aws_ecs_task_definition, aws_lb_target_group,
# aws_appautoscaling_* and aws_cloudwatch_log_group.
resource "terraform_data" "service" {
  input = {
    name        = local.service_name
    image       = local.image_uri
    cpu         = var.cpu
    memory      = var.memory
    capacity    = local.capacity
    http        = var.http.enabled ? var.http : null
    environment = merge({ SERVICE_NAME = var.name, AWS_REGION = var.region }, var.environment_variables)
    log_group   = "/ecs/${local.service_name}"
    log_days    = var.log_retention_days
    tags        = merge(var.tags, { Name = local.service_name, Service = var.name })
  }
}
