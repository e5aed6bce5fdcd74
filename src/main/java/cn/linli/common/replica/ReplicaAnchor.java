package cn.linli.common.replica;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The read replica's persistence unit runs native SQL only ({@link cn.linli.common.Sql}); Quarkus starts a
 * persistence unit for its model classes, so it gets this one: Flyway's history table, which the replica has
 * like the primary. Never queried.
 */
@Entity
@Table(name = "flyway_schema_history")
public class ReplicaAnchor {
    @Id
    public Integer installed_rank;
}
