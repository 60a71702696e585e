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
  description = "Name of the VPC, appended to the context (e.g. `vpc`, `hub`)."
  default     = "vpc"
}

variable "cidr_block" {
  type        = string
  description = "IPv4 CIDR block of the VPC."

  validation {
    condition     = can(cidrhost(var.cidr_block, 0))
    error_message = "cidr_block must be a valid IPv4 CIDR block."
  }
}

variable "availability_zone_suffixes" {
  type        = list(string)
  description = "AZ letters to spread subnets over; appended to the region (e.g. [\"a\", \"b\"])."
  default     = ["a", "b"]
}

variable "subnet_newbits" {
  type        = number
  description = "Bits added to the VPC prefix length for each subnet (4 turns a /16 into /20s)."
  default     = 4
}

variable "public_subnets_enabled" {
  type        = bool
  description = "Create a public subnet per AZ in addition to the private ones."
  default     = true
}

variable "nat_gateway_mode" {
  type        = string
  description = "NAT gateways: `none`, `single` (one shared) or `per_az` (one per AZ)."
  default     = "single"

  validation {
    condition     = contains(["none", "single", "per_az"], var.nat_gateway_mode)
    error_message = "nat_gateway_mode must be none, single or per_az."
  }
}

variable "flow_logs" {
  type = object({
    enabled        = bool
    traffic_type   = optional(string, "REJECT")
    retention_days = optional(number, 30)
  })
  description = "VPC flow log configuration."
  default     = { enabled = false }
}

variable "transit_gateway_attachment_enabled" {
  type        = bool
  description = "Attach the VPC to the organization's transit gateway."
  default     = false
}
