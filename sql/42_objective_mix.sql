-- Each row represents one company × channel × week (Monday, UTC) × objective the company posted
-- for: its original posts (no replies, no reposts, not deleted) with that objective and their
-- share of all the company's original posts on that channel that week. Objectives the company did
-- not post for that week have no row (their share is 0).
with original_posts as (
    select
        company,
        channel,
        week_start,
        objective
    from post_performance
    where is_original
),

counts as (
    select
        company,
        channel,
        week_start,
        objective,
        count(*) as posts
    from original_posts
    group by
        company,
        channel,
        week_start,
        objective
),

final as (
    select
        company,
        channel,
        week_start,
        objective,
        posts,
        cast(sum(posts) over (partition by company, channel, week_start) as bigint) as company_posts,
        cast(posts as double precision) / sum(posts) over (partition by company, channel, week_start) as share_of_posts
    from counts
)

select * from final
