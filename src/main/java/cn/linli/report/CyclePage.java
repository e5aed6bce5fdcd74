package cn.linli.report;

import cn.linli.evaluation.CycleTerms;
import cn.linli.evaluation.EvaluationViews.Evaluation;
import cn.linli.evaluation.EvaluationViews.Indicator;
import cn.linli.evaluation.Grade;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The 评估结果公示 as one printable HTML page (zh-CN, A4 print styles): the cycle and its scope, the template with
 * its weights, each organization's total, grade, rank and outcomes, the grade thresholds and the policy, how and
 * until when to appeal, and two charts drawn here as inline SVG (organizations per grade; totals by rank). Nothing
 * external: no script, font, style sheet or image. Every text from the database is escaped.
 */
final class CyclePage {
    static final Map<Grade, String> COLOURS = new EnumMap<>(Map.of(Grade.EXCELLENT, "#2e7d32", Grade.GOOD, "#1565c0",
            Grade.PASS, "#f9a825", Grade.FAIL, "#c62828"));
    static final String NO_GRADE = "#9e9e9e";
    static final int NAME_CHARS = 14;

    private CyclePage() {
    }

    static String html(Reports.CycleReport report, OffsetDateTime now) {
        var cycle = report.cycle();
        CycleTerms terms = report.terms();
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>评估结果公示 — ").append(esc(cycle.name())).append("</title>\n<style>\n").append(STYLE).append("</style>\n")
                .append("</head>\n<body>\n<main>\n");
        if (!report.published()) {
            h.append("<p class=\"draft\" id=\"draft\">未公布：仅供本辖区工作人员审阅，不得对外公示。</p>\n");
        }
        h.append("<header>\n<h1>评估结果公示</h1>\n<p class=\"subtitle\" id=\"cycle-name\">").append(esc(cycle.name())).append("</p>\n</header>\n");

        h.append("<section id=\"cycle\">\n<h2>一、考核基本情况</h2>\n<table class=\"facts\">\n<tbody>\n");
        fact(h, "考核周期", Texts.date(cycle.periodStart()) + " 至 " + Texts.date(cycle.periodEnd()));
        fact(h, "地区范围", report.region().name() + "（" + report.region().code() + "）及所辖地区");
        fact(h, "服务类别", report.categoryName() == null ? "全部类别" : report.categoryName());
        fact(h, "考核模板", cycle.template().name() + "（第 " + cycle.template().version() + " 版）");
        fact(h, "参评合同", report.lines().size() + " 个");
        fact(h, "公布时间", report.published() ? Texts.dateTime(cycle.publishedAt()) : "尚未公布");
        h.append("</tbody>\n</table>\n</section>\n");

        h.append("<section id=\"template\">\n<h2>二、考核指标与权重</h2>\n<table id=\"indicators\">\n<thead><tr><th>序号</th><th>指标</th>")
                .append("<th>评分方式</th><th class=\"num\">权重（%）</th></tr></thead>\n<tbody>\n");
        List<Indicator> indicators = cycle.template().indicators();
        int weights = 0;
        for (int i = 0; i < indicators.size(); i++) {
            Indicator indicator = indicators.get(i);
            weights += indicator.weight();
            h.append("<tr><td>").append(i + 1).append("</td><td>").append(esc(indicator.name())).append("</td><td>")
                    .append(esc(Texts.kind(indicator.kind()))).append("</td><td class=\"num\">").append(indicator.weight()).append("</td></tr>\n");
        }
        h.append("</tbody>\n<tfoot><tr><td colspan=\"3\">合计</td><td class=\"num\">").append(weights).append("</td></tr></tfoot>\n</table>\n")
                .append("<p id=\"thresholds\">等级标准：优秀 ≥ ").append(terms.excellent()).append(" 分，良好 ≥ ").append(terms.good())
                .append(" 分，合格 ≥ ").append(terms.pass()).append(" 分，不合格 &lt; ").append(terms.pass()).append(" 分（总分为各指标得分按权重加权，满分 100 分）。</p>\n")
                .append("</section>\n");

        h.append("<section id=\"results\">\n<h2>三、评估结果</h2>\n<table id=\"results-table\">\n<thead><tr><th class=\"num\">排名</th>")
                .append("<th>机构名称</th><th class=\"num\">总分</th><th>等级</th><th>结果运用</th></tr></thead>\n<tbody>\n");
        for (Reports.Line line : report.lines()) {
            Evaluation e = line.evaluation();
            String outcomes = Texts.outcomes(line.outcomes());
            if (e.version() > 1) {
                outcomes = outcomes.isEmpty() ? "经复核改定" : "经复核改定；" + outcomes;
            }
            h.append("<tr data-evaluation-id=\"").append(esc(e.id())).append("\"><td class=\"num rank\">")
                    .append(e.rank() == null ? "—" : e.rank()).append("</td><td class=\"org\">").append(esc(e.organizationName()))
                    .append("</td><td class=\"num total\">").append(Texts.total(e.total())).append("</td><td class=\"grade\">")
                    .append(esc(Texts.grade(e.grade()))).append("</td><td class=\"outcomes\">").append(esc(outcomes.isEmpty() ? "—" : outcomes))
                    .append("</td></tr>\n");
        }
        if (report.lines().isEmpty()) {
            h.append("<tr><td colspan=\"5\">本周期没有参评合同。</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");

        h.append("<section id=\"charts\">\n<h2>四、结果统计</h2>\n<figure id=\"grade-figure\">\n<figcaption>各等级机构数</figcaption>\n")
                .append(gradeChart(report.lines())).append("</figure>\n<figure id=\"ranking-figure\">\n<figcaption>总分排名</figcaption>\n")
                .append(rankingChart(report.lines())).append("</figure>\n</section>\n");

        h.append("<section id=\"policy\">\n<h2>五、结果运用（优胜劣汰）</h2>\n<ul>\n");
        StringBuilder fail = new StringBuilder();
        if (terms.withholdPayments()) {
            fail.append("暂停拨付该合同未付款项；");
        }
        if (terms.pauseListings()) {
            fail.append("暂停该合同资助的服务；");
        }
        if (terms.barMonths() > 0) {
            fail.append(terms.barMonths()).append(" 个月内不得参与政府购买服务；");
        }
        if (terms.deregisterOnSecondFail()) {
            fail.append("连续两次不合格的，取消服务资格；");
        }
        h.append("<li>不合格：").append(fail.length() == 0 ? "不作处理。" : fail.substring(0, fail.length() - 1) + "。").append("</li>\n")
                .append("<li>优秀：合同期满可不经招标续签，并授予“优秀”标识，在同类机构中优先展示。</li>\n</ul>\n</section>\n");

        h.append("<section id=\"appeal\">\n<h2>六、复核（申诉）</h2>\n<p>");
        if (terms.appealUntil() == null) {
            h.append("结果公布之日起 ").append(terms.appealDays()).append(" 日内，参评机构可申请复核。");
        } else if (terms.appealUntil().isBefore(now)) {
            h.append("复核申请期为公示之日起 ").append(terms.appealDays()).append(" 日，已于 ")
                    .append(esc(Texts.dateTime(terms.appealUntil()))).append(" 截止。");
        } else {
            h.append("对评估结果有异议的机构，可在公示之日起 ").append(terms.appealDays()).append(" 日内（截至 <strong id=\"appeal-until\">")
                    .append(esc(Texts.dateTime(terms.appealUntil()))).append("</strong>）申请复核。");
        }
        h.append("</p>\n<p>申请方式：由机构负责人登录机构端，对本机构的评估结果提交复核申请（接口 <code>appealEvaluation</code>），写明理由和依据；")
                .append("每项评估同一时间只受理一项复核。复核由未参与评分的本级政府部门工作人员办理；复核改变等级的，按新等级重新运用结果，")
                .append("原处理措施随之解除或调整。</p>\n</section>\n");

        h.append("<footer>\n<p>发布：").append(esc(report.region().name())).append(" · 生成时间 ").append(esc(Texts.dateTime(now)))
                .append(" · 邻里（Linli）社区服务平台</p>\n</footer>\n</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void fact(StringBuilder h, String label, String value) {
        h.append("<tr><th scope=\"row\">").append(esc(label)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }

    /** Vertical bars: how many organizations got each grade. */
    static String gradeChart(List<Reports.Line> lines) {
        Map<Grade, Integer> counts = new EnumMap<>(Grade.class);
        for (Grade grade : Grade.values()) {
            counts.put(grade, 0);
        }
        for (Reports.Line line : lines) {
            if (line.evaluation().grade() != null) {
                counts.merge(line.evaluation().grade(), 1, Integer::sum);
            }
        }
        int max = Math.max(1, counts.values().stream().mapToInt(Integer::intValue).max().orElse(1));
        int width = 480;
        int height = 260;
        int top = 30;
        int bottom = 40;
        int left = 40;
        int plot = height - top - bottom;
        StringBuilder s = new StringBuilder();
        s.append("<svg id=\"grade-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-labelledby=\"grade-chart-title\">\n<title id=\"grade-chart-title\">各等级机构数</title>\n");
        s.append("<line x1=\"").append(left).append("\" y1=\"").append(top + plot).append("\" x2=\"").append(width - 10).append("\" y2=\"")
                .append(top + plot).append("\" stroke=\"#333\"/>\n");
        int slot = (width - left - 10) / Grade.values().length;
        int i = 0;
        for (Grade grade : Grade.values()) {
            int count = counts.get(grade);
            int barHeight = (int) Math.round(plot * (double) count / max);
            int x = left + i * slot + slot / 4;
            int barWidth = slot / 2;
            s.append("<g class=\"bar\" data-grade=\"").append(grade.name()).append("\" data-count=\"").append(count).append("\">")
                    .append("<rect x=\"").append(x).append("\" y=\"").append(top + plot - barHeight).append("\" width=\"").append(barWidth)
                    .append("\" height=\"").append(barHeight).append("\" fill=\"").append(COLOURS.get(grade)).append("\"/>")
                    .append("<text x=\"").append(x + barWidth / 2).append("\" y=\"").append(top + plot - barHeight - 6)
                    .append("\" text-anchor=\"middle\">").append(count).append("</text>")
                    .append("<text x=\"").append(x + barWidth / 2).append("\" y=\"").append(top + plot + 22)
                    .append("\" text-anchor=\"middle\">").append(esc(Texts.grade(grade))).append("</text></g>\n");
            i++;
        }
        return s.append("</svg>\n").toString();
    }

    /** Horizontal bars: each organization's total (0–100), best first, coloured by grade. */
    static String rankingChart(List<Reports.Line> lines) {
        int row = 26;
        int top = 10;
        int labelWidth = 230;
        int barArea = 340;
        int width = labelWidth + barArea + 60;
        int height = top * 2 + Math.max(1, lines.size()) * row + 20;
        StringBuilder s = new StringBuilder();
        s.append("<svg id=\"ranking-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-labelledby=\"ranking-chart-title\">\n<title id=\"ranking-chart-title\">总分排名</title>\n");
        int axis = top + Math.max(1, lines.size()) * row;
        s.append("<line x1=\"").append(labelWidth).append("\" y1=\"").append(top).append("\" x2=\"").append(labelWidth).append("\" y2=\"")
                .append(axis).append("\" stroke=\"#333\"/>\n");
        for (int tick = 0; tick <= 100; tick += 20) {
            int x = labelWidth + barArea * tick / 100;
            s.append("<text class=\"tick\" x=\"").append(x).append("\" y=\"").append(axis + 14).append("\" text-anchor=\"middle\">")
                    .append(tick).append("</text>\n");
        }
        for (int i = 0; i < lines.size(); i++) {
            Evaluation e = lines.get(i).evaluation();
            double total = e.total() == null ? 0 : Math.max(0, Math.min(100, e.total()));
            int y = top + i * row;
            int barWidth = (int) Math.round(barArea * total / 100);
            String name = e.organizationName();
            String shown = name.codePointCount(0, name.length()) > NAME_CHARS
                    ? name.substring(0, name.offsetByCodePoints(0, NAME_CHARS)) + "…" : name;
            s.append("<g class=\"bar\" data-evaluation-id=\"").append(esc(e.id())).append("\" data-total=\"").append(Texts.total(e.total()))
                    .append("\"><title>").append(esc(name)).append("：").append(Texts.total(e.total())).append(" 分</title>")
                    .append("<text x=\"").append(labelWidth - 8).append("\" y=\"").append(y + row / 2 + 5).append("\" text-anchor=\"end\">")
                    .append(e.rank() == null ? "" : e.rank() + ". ").append(esc(shown)).append("</text>")
                    .append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 4).append("\" width=\"").append(barWidth)
                    .append("\" height=\"").append(row - 8).append("\" fill=\"")
                    .append(e.grade() == null ? NO_GRADE : COLOURS.get(e.grade())).append("\"/>")
                    .append("<text x=\"").append(labelWidth + barWidth + 6).append("\" y=\"").append(y + row / 2 + 5).append("\">")
                    .append(Texts.total(e.total())).append("</text></g>\n");
        }
        return s.append("</svg>\n").toString();
    }

    /** Text for HTML and SVG, as element content or a quoted attribute value. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static final String STYLE = """
            @page { size: A4; margin: 16mm 14mm 18mm; }
            html { color: #1a1a1a; background: #fff; }
            body { margin: 0; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "SimSun", sans-serif;
                   font-size: 14px; line-height: 1.6; }
            main { max-width: 190mm; margin: 0 auto; padding: 12px; }
            header { text-align: center; border-bottom: 2px solid #b71c1c; margin-bottom: 12px; }
            h1 { font-size: 26px; letter-spacing: 0.3em; margin: 8px 0 0; color: #b71c1c; }
            .subtitle { font-size: 18px; margin: 4px 0 10px; }
            h2 { font-size: 17px; margin: 18px 0 6px; border-left: 4px solid #b71c1c; padding-left: 8px; }
            table { border-collapse: collapse; width: 100%; margin: 6px 0; }
            th, td { border: 1px solid #999; padding: 4px 6px; text-align: left; vertical-align: top; }
            thead th { background: #f2f2f2; }
            table.facts th { width: 8em; background: #f7f7f7; font-weight: normal; }
            .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
            td.grade { white-space: nowrap; }
            thead { display: table-header-group; }
            tr, figure { break-inside: avoid; page-break-inside: avoid; }
            figure { margin: 10px 0; }
            figcaption { font-weight: bold; margin-bottom: 4px; }
            svg { max-width: 100%; height: auto; font-family: inherit; font-size: 12px; }
            svg .tick { fill: #555; font-size: 11px; }
            .draft { border: 2px dashed #c62828; color: #c62828; padding: 6px 10px; font-weight: bold; }
            footer { margin-top: 20px; border-top: 1px solid #ccc; font-size: 12px; color: #555; }
            @media print { main { max-width: none; padding: 0; } body { font-size: 11pt; } h2 { break-after: avoid; } }
            """;
}
