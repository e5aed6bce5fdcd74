package cn.linli.catalog;

import org.eclipse.microprofile.graphql.Description;

@Description("A group of people a service is meant for (精准帮扶).")
public enum TargetGroup {
    @Description("独居老人") LIVING_ALONE,
    @Description("空巢老人") EMPTY_NEST,
    @Description("失能、半失能老人") DEPENDENT,
    @Description("残疾人") DISABLED,
    @Description("低保对象") SUBSISTENCE_ALLOWANCE,
    @Description("特困人员") EXTREME_POVERTY,
    @Description("留守儿童") LEFT_BEHIND_CHILDREN,
    @Description("困境儿童") CHILDREN_IN_DIFFICULTY
}
