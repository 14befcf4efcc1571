-- Each row represents one company × channel × objective × clock × weekday × hour: the original
-- posts published in that slot and their mean engagement rate by followers at their newest
-- observation. clock 'utc' reads created_at in UTC; clock 'local' reads it in the configured time
-- zone (report_settings.timezone, written from the config when views are created; UTC if unset),
-- so daylight saving time is applied per post. weekday is ISO (1 = Monday … 7 = Sunday).
with local_zone as (
    select
        coalesce(max(value), 'UTC') as time_zone
    from report_settings
    where setting = 'timezone'
),

original_posts as (
    select
        p.company,
        p.channel,
        p.objective,
        p.created_at,
        p.interactions,
        p.engagement_rate_by_followers,
        z.time_zone
    from post_performance as p
    cross join local_zone as z
    where p.is_original
),

post_clocks as (
    select
        company,
        channel,
        objective,
        'utc' as clock,
        'UTC' as time_zone,
        created_at at time zone 'UTC' as posted_at,
        interactions,
        engagement_rate_by_followers
    from original_posts
    union all
    select
        company,
        channel,
        objective,
        'local' as clock,
        time_zone,
        created_at at time zone time_zone as posted_at,
        interactions,
        engagement_rate_by_followers
    from original_posts
),

slots as (
    select
        company,
        channel,
        objective,
        clock,
        time_zone,
        cast(extract(isodow from posted_at) as integer) as weekday,
        cast(extract(hour from posted_at) as integer) as hour,
        interactions,
        engagement_rate_by_followers
    from post_clocks
),

final as (
    select
        company,
        channel,
        objective,
        clock,
        time_zone,
        weekday,
        case weekday
            when 1 then 'Mon'
            when 2 then 'Tue'
            when 3 then 'Wed'
            when 4 then 'Thu'
            when 5 then 'Fri'
            when 6 then 'Sat'
            else 'Sun'
        end as weekday_name,
        hour,
        count(*) as posts,
        count(engagement_rate_by_followers) as rated_posts,
        avg(engagement_rate_by_followers) as engagement_rate_by_followers,
        avg(cast(interactions as double precision)) as interactions_per_post
    from slots
    group by
        company,
        channel,
        objective,
        clock,
        time_zone,
        weekday,
        hour
)

select * from final
