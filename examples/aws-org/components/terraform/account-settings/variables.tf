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

variable "ebs_default_encryption_enabled" {
  type        = bool
  description = "Turn on EBS encryption by default in this account and region."
  default     = true
}

variable "s3_public_access_block_enabled" {
  type        = bool
  description = "Block public access to S3 at the account level."
  default     = true
}

variable "password_policy" {
  type = object({
    minimum_length  = optional(number, 14)
    max_age_days    = optional(number, 90)
    require_symbols = optional(bool, true)
  })
  description = "IAM account password policy."
  default     = {}
}

variable "budget" {
  type = object({
    limit_usd          = number
    alert_emails       = list(string)
    thresholds_percent = optional(list(number), [80, 100])
  })
  description = "Monthly cost budget for the account and who is alerted at which thresholds."
}

variable "iam_identity_center" {
  type = object({
    enabled         = bool
    permission_sets = optional(list(string), [])
  })
  description = "IAM Identity Center (SSO) setup; only enabled in the management account."
  default     = { enabled = false }
}
