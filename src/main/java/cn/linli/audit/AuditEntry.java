package cn.linli.audit;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One recorded state change: who, what, when, and the changed fields before and after (JSON).")
public record AuditEntry(
        @Id @Description("The entry's id.") @NonNull String id,
        @Description("When the change was made.") @NonNull OffsetDateTime at,
        @Description("Who: the token subject. For an entry made in the resident role, only admins and officials whose "
                + "jurisdiction holds the entry see the subject; everyone else (an organization's owner) sees the "
                + "resident's pseudonym (actorPseudonym) here instead.") @NonNull String actorSubject,
        @Description("For an entry made in the resident role: a stable pseudonym of the resident (resident-…), the same "
                + "for all of that resident's entries and not reversible without the server's key; null for other "
                + "roles.") String actorPseudonym,
        @Description("The role acted in: resident, org_staff, gov_official, community_worker, evaluator or admin; system "
                + "for changes no person made (a bar that ended …).") @NonNull String actorRole,
        @Description("The mutation, e.g. suspendOrganization.") @NonNull String action,
        @Description("What kind of thing changed, e.g. Organization.") @NonNull String entityType,
        @Description("The id of the thing that changed, e.g. the organization's id.") @NonNull String entityId,
        @Description("The organization concerned, if any.") @Id String organizationId,
        @Description("The reason given, if any.") String reason,
        @Description("Changed fields before, as JSON (null for a creation).") String before,
        @Description("Changed fields after, as JSON (null for a removal).") String after) {
}
