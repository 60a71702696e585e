locals {
  policy_name = join("-", [var.namespace, "baseline-guardrails"])

  exempt_role_arns = [for role in var.exempt_role_names : "arn:aws:iam::*:role/${role}"]

  statements = concat(
    [{
      Sid       = "DenyUnapprovedRegions"
      Effect    = "Deny"
      NotAction = ["iam:*", "organizations:*", "sts:*", "support:*", "budgets:*"]
      Resource  = "*"
      Condition = {
        StringNotEquals = { "aws:RequestedRegion" = var.allowed_regions }
        ArnNotLike      = { "aws:PrincipalArn" = local.exempt_role_arns }
      }
    }],
    var.deny_leave_organization ? [{
      Sid      = "DenyLeaveOrganization"
      Effect   = "Deny"
      Action   = ["organizations:LeaveOrganization"]
      Resource = "*"
    }] : [],
    var.deny_root_user ? [{
      Sid       = "DenyRootUser"
      Effect    = "Deny"
      Action    = ["*"]
      Resource  = "*"
      Condition = { StringLike = { "aws:PrincipalArn" = ["arn:aws:iam::*:root"] } }
    }] : [],
    [for key in var.protected_tag_keys : {
      Sid      = "ProtectTag${replace(title(key), "/[^A-Za-z0-9]/", "")}"
      Effect   = "Deny"
      Action   = ["*:TagResource", "*:UntagResource", "*:CreateTags", "*:DeleteTags"]
      Resource = "*"
      Condition = {
        "ForAnyValue:StringEquals" = { "aws:TagKeys" = [key] }
        ArnNotLike                 = { "aws:PrincipalArn" = local.exempt_role_arns }
      }
    }],
  )

  policy_document = jsonencode({
    Version   = "2012-10-17"
    Statement = local.statements
  })
}

# Stand-in for aws_organizations_policy + aws_organizations_policy_attachment.
resource "terraform_data" "policy" {
  input = {
    name        = local.policy_name
    type        = "SERVICE_CONTROL_POLICY"
    description = "Baseline guardrails for the ${var.namespace} organization"
    content     = local.policy_document
    targets     = var.target_ou_names
    tags        = merge(var.tags, { Name = local.policy_name })
  }
}
