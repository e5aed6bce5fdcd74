-- Linli schema, part 6: evaluation cycles (考核评价) and their outcomes (优胜劣汰), with appeals (复核).

ALTER TABLE organization ADD COLUMN excellent_badge boolean NOT NULL DEFAULT false;

-- A template is versioned: a new version shares the family of the first; a cycle keeps the version it used.
CREATE TABLE evaluation_template (
    id         bigserial PRIMARY KEY,
    family_id  bigint,
    version    integer     NOT NULL DEFAULT 1,
    name       text        NOT NULL,
    region_id  bigint      NOT NULL REFERENCES region (id),
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE evaluation_indicator (
    id          bigserial PRIMARY KEY,
    template_id bigint  NOT NULL REFERENCES evaluation_template (id),
    position    integer NOT NULL,
    name        text    NOT NULL,
    kind        text    NOT NULL CHECK (kind IN ('MANUAL', 'SATISFACTION', 'COMPLETION', 'COMPLAINTS', 'RESPONSIVENESS')),
    weight      integer NOT NULL CHECK (weight > 0 AND weight <= 100)
);

CREATE TABLE evaluation_cycle (
    id             bigserial PRIMARY KEY,
    name           text        NOT NULL,
    period_start   date        NOT NULL,
    period_end     date        NOT NULL CHECK (period_end >= period_start),
    region_id      bigint      NOT NULL REFERENCES region (id),
    category_code  text,
    template_id    bigint      NOT NULL REFERENCES evaluation_template (id),
    thresholds     jsonb       NOT NULL,
    policy         jsonb       NOT NULL,
    status         text        NOT NULL DEFAULT 'SCORING' CHECK (status IN ('SCORING', 'REVIEW', 'PUBLISHED')),
    created_by     text        NOT NULL,
    opened_at      timestamptz NOT NULL DEFAULT now(),
    published_at   timestamptz
);

CREATE TABLE evaluation (
    id              bigserial PRIMARY KEY,
    cycle_id        bigint  NOT NULL REFERENCES evaluation_cycle (id),
    contract_id     bigint  NOT NULL REFERENCES contract (id),
    organization_id bigint  NOT NULL REFERENCES organization (id),
    total           numeric(5, 2),
    grade           text CHECK (grade IN ('EXCELLENT', 'GOOD', 'PASS', 'FAIL')),
    rank            integer,
    version         integer NOT NULL DEFAULT 0,
    UNIQUE (cycle_id, contract_id)
);
CREATE INDEX evaluation_organization_idx ON evaluation (organization_id);

CREATE TABLE evaluation_assignment (
    evaluation_id     bigint NOT NULL REFERENCES evaluation (id),
    evaluator_subject text   NOT NULL,
    assigned_by       text   NOT NULL,
    PRIMARY KEY (evaluation_id, evaluator_subject)
);

-- A score per indicator: by an evaluator (MANUAL) or computed at the close of scoring with its inputs.
CREATE TABLE evaluation_score (
    id            bigserial PRIMARY KEY,
    evaluation_id bigint        NOT NULL REFERENCES evaluation (id),
    indicator_id  bigint        NOT NULL REFERENCES evaluation_indicator (id),
    score         numeric(5, 2) NOT NULL CHECK (score BETWEEN 0 AND 100),
    comment       text,
    inputs        jsonb,
    scored_by     text          NOT NULL,
    scored_at     timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (evaluation_id, indicator_id)
);

-- Every published version of an evaluation (the first at publishing, then one per changed appeal).
CREATE TABLE evaluation_version (
    id            bigserial PRIMARY KEY,
    evaluation_id bigint        NOT NULL REFERENCES evaluation (id),
    version       integer       NOT NULL,
    total         numeric(5, 2) NOT NULL,
    grade         text          NOT NULL,
    reason        text          NOT NULL,
    recorded_by   text          NOT NULL,
    recorded_at   timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (evaluation_id, version)
);

-- What publishing (or an appeal decision) did, with what is needed to undo it.
CREATE TABLE evaluation_outcome (
    id            bigserial PRIMARY KEY,
    evaluation_id bigint      NOT NULL REFERENCES evaluation (id),
    kind          text        NOT NULL CHECK (kind IN ('WITHHOLD_PAYMENTS', 'PAUSE_LISTINGS', 'BAR_ORGANIZATION',
                                  'DEREGISTER', 'RENEWAL_ELIGIBLE', 'BADGE')),
    detail        jsonb       NOT NULL DEFAULT '{}',
    applied_at    timestamptz NOT NULL DEFAULT now(),
    lifted_at     timestamptz
);
CREATE INDEX evaluation_outcome_evaluation_idx ON evaluation_outcome (evaluation_id);

CREATE TABLE appeal (
    id              bigserial PRIMARY KEY,
    evaluation_id   bigint      NOT NULL REFERENCES evaluation (id),
    organization_id bigint      NOT NULL REFERENCES organization (id),
    reasons         text        NOT NULL,
    filed_by        text        NOT NULL,
    filed_at        timestamptz NOT NULL DEFAULT now(),
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'UPHELD', 'CHANGED')),
    decision_reason text,
    new_total       numeric(5, 2),
    decided_by      text,
    decided_at      timestamptz
);
CREATE UNIQUE INDEX appeal_pending_idx ON appeal (evaluation_id) WHERE status = 'PENDING';
