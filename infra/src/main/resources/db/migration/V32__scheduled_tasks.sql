-- Owned by infra's DeadlineConfiguration: db-scheduler's table (its PostgreSQL schema for 16.x), on which
-- Axon's DbSchedulerDeadlineManager keeps deadlines such as a trial's end. One row per scheduled deadline,
-- written in the transaction of the command that scheduled it. Every instance polls for due rows; taking one
-- is an update conditional on its version that only one instance wins, so each deadline runs on one instance.
-- A deadline that ran is deleted; one whose handler failed is retried later (last_failure,
-- consecutive_failures), and one whose instance died while running it (last_heartbeat) is run again.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);

create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
