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
  description = "Service name (e.g. `api`, `worker`); one folder serves several Atmos components."
}

variable "image" {
  type = object({
    repository = string
    tag        = optional(string, "latest")
  })
  description = "Container image to run."
}

variable "desired_count" {
  type        = number
  description = "Number of tasks to run when autoscaling is off."
  default     = 1
}

variable "cpu" {
  type        = number
  description = "CPU units per task (1024 = 1 vCPU)."
  default     = 256
}

variable "memory" {
  type        = number
  description = "Memory per task in MiB."
  default     = 512
}

variable "http" {
  type = object({
    enabled           = bool
    port              = optional(number, 8080)
    health_check_path = optional(string, "/healthz")
    public            = optional(bool, false)
  })
  description = "HTTP listener settings; disabled for background workers."
  default     = { enabled = false }
}

variable "autoscaling" {
  type = object({
    enabled            = bool
    min_capacity       = optional(number, 1)
    max_capacity       = optional(number, 2)
    target_cpu_percent = optional(number, 60)
  })
  description = "Target-tracking autoscaling on CPU."
  default     = { enabled = false }
}

variable "environment_variables" {
  type        = map(string)
  description = "Environment variables passed to the container."
  default     = {}
}

variable "log_retention_days" {
  type        = number
  description = "Retention of the service's log group in days."
  default     = 14
}
