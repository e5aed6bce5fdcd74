package cn.linli.report;

import cn.linli.common.Language;
import cn.linli.common.Messages;
import cn.linli.common.Row;
import cn.linli.evaluation.EvaluationViews.Outcome;
import cn.linli.evaluation.Grade;
import cn.linli.evaluation.IndicatorKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The words of the reports, in Chinese: a 公示 is a Chinese public notice, and so are its sheets. */
final class Texts {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINA);

    private Texts() {
    }

    static String grade(Grade grade) {
        return grade == null ? "" : Messages.get(Language.ZH, "enum.Grade." + grade.name());
    }

    static String kind(IndicatorKind kind) {
        return switch (kind) {
            case MANUAL -> "第三方评估人员评分";
            case SATISFACTION -> "居民满意度（服务评价）";
            case COMPLETION -> "服务目标完成情况（经核实的服务记录）";
            case COMPLAINTS -> "有效投诉率";
            case RESPONSIVENESS -> "诉求响应";
            case CONFIRMATION_RATE -> "居民确认率";
        };
    }

    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    static String dateTime(OffsetDateTime time) {
        return time == null ? "" : DATE_TIME.format(time.atZoneSameInstant(Row.CHINA));
    }

    /** A total with two decimals, or a dash when there is none yet. */
    static String total(Double total) {
        return total == null ? "—" : String.format(Locale.ROOT, "%.2f", total);
    }

    /** The outcomes applied to an evaluation, in words, separated by "；"; lifted ones say so. */
    static String outcomes(List<Outcome> outcomes) {
        return outcomes.stream().map(Texts::outcome).collect(Collectors.joining("；"));
    }

    static String outcome(Outcome outcome) {
        JsonNode detail = parse(outcome.detail());
        String text = switch (outcome.kind()) {
            case WITHHOLD_PAYMENTS -> detail.path("milestoneIds").size() == 0 ? "暂停拨付合同后续款项"
                    : "暂停拨付合同未付款项 " + detail.path("milestoneIds").size() + " 笔";
            case PAUSE_LISTINGS -> detail.path("listingIds").size() == 0 ? "暂停该合同资助的服务"
                    : "暂停该合同资助的服务 " + detail.path("listingIds").size() + " 项";
            case BAR_ORGANIZATION -> detail.path("until").isTextual()
                    ? "禁止参与政府购买服务至 " + date(LocalDate.parse(detail.path("until").asText())) : "禁止参与政府购买服务";
            case DEREGISTER -> "连续两次考核不合格，取消服务资格";
            case RENEWAL_ELIGIBLE -> "合同期满可不经招标续签";
            case BADGE -> "授予“优秀”标识";
        };
        return outcome.liftedAt() == null ? text : text + "（已于" + date(outcome.liftedAt().atZoneSameInstant(Row.CHINA).toLocalDate())
                + "撤销）";
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text == null ? "{}" : text);
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }
}
