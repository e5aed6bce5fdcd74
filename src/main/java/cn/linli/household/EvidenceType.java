package cn.linli.household;

import org.eclipse.microprofile.graphql.Description;

@Description("What a community worker relied on to verify a target group. Only the kind is stored, never the evidence.")
public enum EvidenceType {
    @Description("证件已查验 (a certificate was sighted; its number is not recorded)") CERTIFICATE_SIGHTED,
    @Description("入户核实 (verified on a home visit)") HOME_VISIT,
    @Description("民政系统记录 (a civil-affairs record)") CIVIL_AFFAIRS_RECORD,
    @Description("能力评估 (a care-needs assessment)") CARE_ASSESSMENT,
    @Description("其他 (other)") OTHER
}
