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

variable "allowed_regions" {
  type        = list(string)
  description = "Regions member accounts may use; every other region is denied."
}

variable "target_ou_names" {
  type        = list(string)
  description = "Organizational units the baseline policy is attached to."
}

variable "deny_leave_organization" {
  type        = bool
  description = "Deny organizations:LeaveOrganization to member accounts."
  default     = true
}

variable "deny_root_user" {
  type        = bool
  description = "Deny every action to the root user of member accounts."
  default     = true
}

variable "exempt_role_names" {
  type        = list(string)
  description = "IAM roles exempt from the region restriction (break-glass, org access)."
  default     = ["OrganizationAccountAccessRole"]
}

variable "protected_tag_keys" {
  type        = list(string)
  description = "Tag keys that only the exempt roles may add, change or remove."
  default     = []
}
