package cn.linli.evaluation;

import org.eclipse.microprofile.graphql.Description;

@Description("How an indicator is scored: by evaluators (MANUAL) or computed from the period's data.")
public enum IndicatorKind {
    @Description("Scored 0–100 by an assigned evaluator, with a comment.") MANUAL,
    @Description("Mean review rating in the period × 20 (60 when there are no reviews).") SATISFACTION,
    @Description("Verified service records (confirmed by the resident served or by an official's spot check) against the "
            + "contract's targets pro-rated to the period (capped at 100).") COMPLETION,
    @Description("100 − 20 × upheld complaints per 100 completed bookings (not below 0).") COMPLAINTS,
    @Description("Share of the period's feedback answered within 7 days × 100 (100 when there is none); when residents "
            + "rated resolutions (rateResolution), 70 % that share and 30 % the share they were satisfied with.") RESPONSIVENESS,
    @Description("Share of the period's service records confirmed by the resident served × 100 (0 when there are none); "
            + "the share of off-site records is stored with its inputs.") CONFIRMATION_RATE
}
