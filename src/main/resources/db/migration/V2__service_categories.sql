-- The service catalogue: reference data every installation needs (菜单式服务).
INSERT INTO category (code, parent_id, path, name_zh, name_en, sort_order) VALUES
    ('elderly', NULL, '/elderly/', '养老服务', 'Elderly care', 0),
    ('childcare', NULL, '/childcare/', '托育/育幼', 'Childcare', 100),
    ('property', NULL, '/property/', '物业服务', 'Property services', 200),
    ('housekeeping', NULL, '/housekeeping/', '家政服务', 'Housekeeping', 300),
    ('health', NULL, '/health/', '健康卫生', 'Health and hygiene', 400),
    ('disability', NULL, '/disability/', '扶残助困', 'Disability and hardship support', 500),
    ('legal', NULL, '/legal/', '法律援助', 'Legal aid', 600),
    ('counseling', NULL, '/counseling/', '心理咨询', 'Psychological counselling', 700);

INSERT INTO category (code, parent_id, path, name_zh, name_en, sort_order)
SELECT v.code, p.id, v.path, v.name_zh, v.name_en, v.sort_order FROM (VALUES
    ('elderly.meal', 'elderly', '/elderly/meal/', '助餐', 'Meal assistance', 1),
    ('elderly.bath', 'elderly', '/elderly/bath/', '助浴', 'Bathing assistance', 2),
    ('elderly.medical', 'elderly', '/elderly/medical/', '助医', 'Medical escort', 3),
    ('elderly.home-care', 'elderly', '/elderly/home-care/', '上门照护', 'Home care', 4),
    ('elderly.day-care', 'elderly', '/elderly/day-care/', '日间照料', 'Day care', 5),
    ('elderly.rehab', 'elderly', '/elderly/rehab/', '康复护理', 'Rehabilitation nursing', 6),
    ('elderly.companionship', 'elderly', '/elderly/companionship/', '精神慰藉', 'Emotional support', 7),
    ('elderly.visiting', 'elderly', '/elderly/visiting/', '探访关爱', 'Visiting and caring', 8),
    ('elderly.home-adaptation', 'elderly', '/elderly/home-adaptation/', '适老化改造', 'Age-friendly home adaptation', 9),
    ('childcare.infant', 'childcare', '/childcare/infant/', '0–3岁托育', 'Infant care (0–3)', 101),
    ('childcare.after-school', 'childcare', '/childcare/after-school/', '课后托管', 'After-school care', 102),
    ('childcare.left-behind', 'childcare', '/childcare/left-behind/', '留守儿童关爱', 'Care for left-behind children', 103),
    ('childcare.family-education', 'childcare', '/childcare/family-education/', '家庭教育', 'Family education', 104),
    ('property.custodial', 'property', '/property/custodial/', '物业托管', 'Custodial property management', 201),
    ('property.repair', 'property', '/property/repair/', '维修', 'Repairs', 202),
    ('property.cleaning', 'property', '/property/cleaning/', '保洁', 'Cleaning', 203),
    ('property.security', 'property', '/property/security/', '安保', 'Security', 204),
    ('property.greening', 'property', '/property/greening/', '绿化', 'Landscaping', 205)
) AS v (code, parent, path, name_zh, name_en, sort_order) JOIN category p ON p.code = v.parent;
