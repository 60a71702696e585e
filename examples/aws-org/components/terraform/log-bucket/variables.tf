# Context variables: every stack sets these at the org/OU/account/region layers.

variable "namespace" {
  type        = string
  description = "Organization namespace, e.g. `acme` (set in orgs/acme/_defaults.yaml)."
}

variable "tenant" {
  type        = string
  description = "Organizational unit / tenant, e.g. `plat` (set in the OU `_defaults.yaml`)."
}

variable "environment" {
  type        = string
  description = "Short region code, e.g. `ue1` (set by the region mixin)."
}

variable "stage" {
  type        = string
  description = "Account / stage name, e.g. `dev` (set in the account `_defaults.yaml`)."
}

variable "region" {
  type        = string
  description = "AWS region, e.g. `us-east-1` (set by the region mixin)."
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every resource; merged from all stack layers."
  default     = {}
}

# Component variables

variable "name" {
  type        = string
  description = "Purpose of the bucket, appended to the context to form the bucket name (e.g. `cloudtrail`)."
}

variable "retention_days" {
  type        = number
  description = "Days after which log objects expire."
  default     = 365
}

variable "transition_to_glacier_days" {
  type        = number
  description = "Days after which objects move to Glacier; null disables the transition."
  default     = null
}

variable "versioning_enabled" {
  type        = bool
  description = "Enable S3 object versioning."
  default     = true
}

variable "sse_algorithm" {
  type        = string
  description = "Server-side encryption algorithm."
  default     = "aws:kms"

  validation {
    condition     = contains(["AES256", "aws:kms", "aws:kms:dsse"], var.sse_algorithm)
    error_message = "sse_algorithm must be AES256, aws:kms or aws:kms:dsse."
  }
}

variable "object_lock" {
  type = object({
    enabled        = bool
    mode           = optional(string, "GOVERNANCE")
    retention_days = optional(number, 365)
  })
  description = "S3 Object Lock (WORM) configuration."
  default     = { enabled = false }
}

variable "writer_service_principals" {
  type        = list(string)
  description = "AWS service principals allowed to write logs to the bucket."
  default     = []
}
