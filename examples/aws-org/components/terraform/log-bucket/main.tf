locals {
  bucket_name = join("-", [var.namespace, var.tenant, var.environment, var.stage, var.name])

  lifecycle_rules = concat(
    var.transition_to_glacier_days == null ? [] : [{
      id            = "to-glacier"
      transition    = { days = var.transition_to_glacier_days, storage_class = "GLACIER" }
      expiration    = null
      noncurrent_to = null
    }],
    [{
      id            = "expire"
      transition    = null
      expiration    = { days = var.retention_days }
      noncurrent_to = var.versioning_enabled ? { days = 30 } : null
    }],
  )
}

# Stand-in for aws_s3_bucket and its versioning / encryption / lifecycle / policy resources.
resource "terraform_data" "bucket" {
  input = {
    bucket          = local.bucket_name
    region          = var.region
    versioning      = var.versioning_enabled
    sse_algorithm   = var.sse_algorithm
    object_lock     = var.object_lock.enabled ? var.object_lock : null
    lifecycle_rules = local.lifecycle_rules
    writers         = var.writer_service_principals
    tags            = merge(var.tags, { Name = local.bucket_name })
  }
}
