output "vpc_id" {
  description = "Deterministic VPC ID derived from the VPC name and CIDR."
  value       = local.vpc_id
}

output "vpc_name" {
  description = "Name of the VPC."
  value       = local.vpc_name
}

output "cidr_block" {
  description = "CIDR block of the VPC."
  value       = var.cidr_block
}

output "availability_zones" {
  description = "Availability zones the subnets are spread over."
  value       = local.availability_zones
}

output "private_subnet_cidrs" {
  description = "Private subnet CIDRs, one per AZ."
  value       = [for az in local.availability_zones : local.private_subnets[az]]
}

output "public_subnet_cidrs" {
  description = "Public subnet CIDRs, one per AZ (empty when public subnets are disabled)."
  value       = [for az in local.availability_zones : local.public_subnets[az] if var.public_subnets_enabled]
}

output "nat_gateway_count" {
  description = "Number of NAT gateways."
  value       = local.nat_gateway_count
}
