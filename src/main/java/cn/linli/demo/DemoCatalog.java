package cn.linli.demo;

import java.util.List;

/** Demo providers and the services they offer: Chinese titles and descriptions by category. */
final class DemoCatalog {
    /** A kind of provider: name pattern ({0} = a community or street name), legal form, categories it serves. */
    record ProviderKind(String namePattern, String kind, char registrar, char type, List<String> categories) {
    }

    /** A service an organization may offer in a category. */
    record Offer(String category, String title, String description, String mode, String pricing, int priceFen,
            int subsidyFen, String unit, Integer minAge, Integer maxAge, List<String> targetGroups, int capacity,
            String hours) {
    }

    static final List<ProviderKind> PROVIDERS = List.of(
            new ProviderKind("七里河区{0}居家养老服务中心", "SOCIAL_SERVICE_AGENCY", '5', '2',
                    List.of("elderly.meal", "elderly.bath", "elderly.home-care", "elderly.day-care", "elderly.visiting")),
            new ProviderKind("兰州市{0}社会工作服务中心", "SOCIAL_SERVICE_AGENCY", '5', '2',
                    List.of("elderly.companionship", "elderly.visiting", "childcare.left-behind", "disability", "counseling")),
            new ProviderKind("七里河区{0}长者食堂", "SOCIAL_SERVICE_AGENCY", '5', '2',
                    List.of("elderly.meal", "elderly.day-care", "health")),
            new ProviderKind("兰州{0}康复护理院", "SOCIAL_SERVICE_AGENCY", '5', '2',
                    List.of("elderly.rehab", "elderly.medical", "elderly.home-care", "health")),
            new ProviderKind("七里河区{0}托育园", "SOCIAL_SERVICE_AGENCY", '5', '2',
                    List.of("childcare.infant", "childcare.family-education")),
            new ProviderKind("{0}青少年课后服务中心", "SOCIAL_SERVICE_AGENCY", '5', '2',
                    List.of("childcare.after-school", "childcare.left-behind", "childcare.family-education")),
            new ProviderKind("兰州{0}物业服务有限公司", "ENTERPRISE", '9', '1',
                    List.of("property.custodial", "property.repair", "property.cleaning", "property.security", "property.greening")),
            new ProviderKind("七里河区{0}家政服务有限公司", "ENTERPRISE", '9', '1',
                    List.of("housekeeping", "property.cleaning", "elderly.home-adaptation")),
            new ProviderKind("七里河区{0}志愿者协会", "SOCIAL_GROUP", '5', '1',
                    List.of("elderly.visiting", "disability", "legal", "childcare.left-behind")),
            new ProviderKind("甘肃{0}公益基金会", "FOUNDATION", '5', '3',
                    List.of("disability", "elderly.home-adaptation", "childcare.left-behind")),
            new ProviderKind("{0}社区居民委员会", "COMMUNITY_SELF_GOVERNANCE", '8', '1',
                    List.of("elderly.visiting", "legal", "counseling", "health")));

    private static final List<String> ELDERLY = List.of();
    private static final List<String> EVERYONE = List.of();

    static final List<Offer> OFFERS = List.of(
            new Offer("elderly.meal", "老年助餐服务", "为60岁以上老年人提供营养午餐，荤素搭配、少盐少油，政府补贴后每餐仅需7元。",
                    "IN_STORE", "SUBSIDIZED", 1500, 800, "餐", 60, null, ELDERLY, 40, "meal"),
            new Offer("elderly.meal", "助餐送餐上门", "行动不便的老人可预约送餐上门，午餐、晚餐均可，送餐员每日探视问候。",
                    "HOME_VISIT", "SUBSIDIZED", 2000, 1000, "餐", 60, null, List.of("DEPENDENT", "LIVING_ALONE"), 15, "meal"),
            new Offer("elderly.meal", "社区长者食堂午餐", "长者食堂每日供应午餐，八十岁以上老人凭证免费就餐。",
                    "IN_STORE", "SUBSIDIZED", 1200, 600, "餐", 60, null, ELDERLY, 60, "meal"),
            new Offer("elderly.bath", "助浴服务", "专业助浴员上门，配备移动浴缸和防滑设备，为失能、半失能老人提供安全洗浴。",
                    "HOME_VISIT", "SUBSIDIZED", 8000, 5000, "次", 60, null, List.of("DEPENDENT"), 3, "day"),
            new Offer("elderly.bath", "日间中心助浴", "日间照料中心浴室，护理员全程协助，洗浴后提供理发修甲。",
                    "IN_STORE", "PAID", 3000, 0, "次", 60, null, ELDERLY, 6, "day"),
            new Offer("elderly.medical", "助医陪诊", "陪同老人就医、挂号、取药，协助与医生沟通，代办慢病续方。",
                    "HOME_VISIT", "SUBSIDIZED", 6000, 3000, "次", 60, null, ELDERLY, 4, "day"),
            new Offer("elderly.home-care", "上门护理", "持证护理员上门提供生活照料、翻身拍背、压疮护理和用药提醒。",
                    "HOME_VISIT", "SUBSIDIZED", 5000, 3000, "小时", 60, null, List.of("DEPENDENT"), 4, "day"),
            new Offer("elderly.home-care", "居家养老上门照护", "为居家老人提供助洁、助行、代购等上门照护服务，按小时计费。",
                    "HOME_VISIT", "PAID", 4000, 0, "小时", 60, null, ELDERLY, 6, "day"),
            new Offer("elderly.day-care", "日间照料", "白天托管老人，提供午餐、午休、康乐活动和健康监测，傍晚家属接回。",
                    "IN_STORE", "SUBSIDIZED", 3000, 1500, "天", 60, null, ELDERLY, 30, "day"),
            new Offer("elderly.rehab", "康复护理训练", "康复师一对一指导中风、骨折术后老人进行肢体功能训练。",
                    "IN_STORE", "PAID", 10000, 0, "次", 50, null, EVERYONE, 5, "day"),
            new Offer("elderly.companionship", "精神慰藉 聊天陪伴", "社工和志愿者定期陪伴独居老人聊天、读报，缓解孤独感。",
                    "HOME_VISIT", "FREE", 0, 0, "次", 60, null, List.of("LIVING_ALONE", "EMPTY_NEST"), 8, "day"),
            new Offer("elderly.visiting", "独居老人探访关爱", "网格员和志愿者每周上门探访独居、空巢老人，检查水电燃气安全。",
                    "HOME_VISIT", "FREE", 0, 0, "次", 60, null, List.of("LIVING_ALONE", "EMPTY_NEST"), 10, "day"),
            new Offer("elderly.home-adaptation", "适老化改造评估", "上门评估居家环境，加装扶手、防滑地面、夜灯，特困老人免费改造。",
                    "HOME_VISIT", "SUBSIDIZED", 50000, 30000, "户", 60, null, ELDERLY, 2, "day"),
            new Offer("childcare.infant", "0–3岁婴幼儿托育", "普惠托育班，保育员与幼儿比例1:5，提供营养餐和早期发展活动。",
                    "IN_STORE", "SUBSIDIZED", 150000, 50000, "月", 0, 3, EVERYONE, 15, "childcare"),
            new Offer("childcare.infant", "临时托育 计时看护", "家长临时有事可预约计时托育，专业保育员看护。",
                    "IN_STORE", "PAID", 3000, 0, "小时", 1, 3, EVERYONE, 6, "childcare"),
            new Offer("childcare.after-school", "课后托管 作业辅导", "放学后接送到中心，老师辅导作业，开展阅读和手工活动。",
                    "IN_STORE", "SUBSIDIZED", 60000, 20000, "月", 6, 12, EVERYONE, 25, "afterschool"),
            new Offer("childcare.left-behind", "留守儿童关爱陪伴", "为留守儿童提供课业辅导、亲情视频通话和心理疏导。",
                    "IN_STORE", "FREE", 0, 0, "次", 3, 16, List.of("LEFT_BEHIND_CHILDREN", "CHILDREN_IN_DIFFICULTY"), 20, "afterschool"),
            new Offer("childcare.family-education", "家庭教育讲座", "每月一次家庭教育讲座，讲解亲子沟通与科学育儿。",
                    "IN_STORE", "FREE", 0, 0, "次", null, null, EVERYONE, 50, "weekend"),
            new Offer("property.custodial", "老旧小区物业托管", "为无物业老旧小区提供基础物业托管：门卫、保洁、公共设施维护。",
                    "HOME_VISIT", "PAID", 50, 0, "平方米·月", null, null, EVERYONE, 10, "day"),
            new Offer("property.repair", "水电维修上门", "水管漏水、电路跳闸、门锁更换，接单后两小时内上门维修。",
                    "HOME_VISIT", "PAID", 5000, 0, "次", null, null, EVERYONE, 8, "day"),
            new Offer("property.cleaning", "楼道保洁", "楼道、电梯间定期清扫消毒，垃圾分类指导。",
                    "HOME_VISIT", "PAID", 2000, 0, "次", null, null, EVERYONE, 10, "day"),
            new Offer("property.security", "小区安保巡逻", "夜间巡逻、门岗值守和消防通道检查。",
                    "HOME_VISIT", "PAID", 30000, 0, "月", null, null, EVERYONE, 5, "day"),
            new Offer("property.greening", "小区绿化养护", "草坪修剪、树木养护和花坛补种。",
                    "HOME_VISIT", "PAID", 20000, 0, "次", null, null, EVERYONE, 3, "day"),
            new Offer("housekeeping", "家政保洁 深度清洁", "专业家政员上门深度保洁，厨房油污、卫生间除垢。",
                    "HOME_VISIT", "PAID", 6000, 0, "小时", null, null, EVERYONE, 6, "day"),
            new Offer("housekeeping", "育婴月嫂服务", "持证月嫂提供新生儿护理和产妇照护。",
                    "HOME_VISIT", "PAID", 30000, 0, "天", null, null, EVERYONE, 2, "day"),
            new Offer("health", "家庭医生签约 健康体检", "社区医生提供血压血糖测量、慢病随访和健康档案管理。",
                    "IN_STORE", "FREE", 0, 0, "次", null, null, EVERYONE, 20, "day"),
            new Offer("disability", "残疾人康复助困", "为残疾人提供辅具适配、康复训练和就业指导。",
                    "IN_STORE", "FREE", 0, 0, "次", null, null, List.of("DISABLED"), 10, "day"),
            new Offer("disability", "困难家庭帮扶", "为低保、特困家庭提供物资帮扶和政策咨询。",
                    "IN_STORE", "FREE", 0, 0, "次", null, null, List.of("SUBSISTENCE_ALLOWANCE", "EXTREME_POVERTY"), 10, "day"),
            new Offer("legal", "法律援助咨询", "律师每周坐班，解答赡养、继承、劳动纠纷等法律问题。",
                    "IN_STORE", "FREE", 0, 0, "次", null, null, EVERYONE, 6, "weekend"),
            new Offer("counseling", "心理咨询 情绪疏导", "心理咨询师提供一对一倾听与情绪疏导，保护个人隐私。",
                    "ONLINE", "SUBSIDIZED", 10000, 7000, "次", 12, null, EVERYONE, 3, "day"));

    private DemoCatalog() {
    }
}
