locals {
  vpc_name = join("-", [var.namespace, var.tenant, var.environment, var.stage, var.name])
  vpc_id   = "vpc-${substr(sha1("${local.vpc_name}/${var.cidr_block}"), 0, 17)}"

  availability_zones = [for suffix in var.availability_zone_suffixes : "${var.region}${suffix}"]
  az_count           = length(local.availability_zones)

  private_subnets = {
    for index, az in local.availability_zones :
    az => cidrsubnet(var.cidr_block, var.subnet_newbits, index)
  }
  public_subnets = var.public_subnets_enabled ? {
    for index, az in local.availability_zones :
    az => cidrsubnet(var.cidr_block, var.subnet_newbits, index + local.az_count)
  } : {}

  nat_gateway_count = (
    !var.public_subnets_enabled || var.nat_gateway_mode == "none" ? 0 :
    var.nat_gateway_mode == "single" ? 1 : local.az_count
  )
}

# Stand-in for aws_vpc, aws_subnet, aws_nat_gateway, aws_flow_log and the TGW attachment.
resource "terraform_data" "vpc" {
  input = {
    id                 = local.vpc_id
    name               = local.vpc_name
    cidr_block         = var.cidr_block
    private_subnets    = local.private_subnets
    public_subnets     = local.public_subnets
    nat_gateways       = local.nat_gateway_count
    flow_logs          = var.flow_logs.enabled ? var.flow_logs : null
    transit_attachment = var.transit_gateway_attachment_enabled
    tags               = merge(var.tags, { Name = local.vpc_name })
  }
}
