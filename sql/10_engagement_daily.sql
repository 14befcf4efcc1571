-- Each row represents one company × channel × objective × UTC day: the posts the company
-- published (owned) that day, their interactions at the latest observation, and the average
-- engagement rate by followers. Labels come from the current labeler version.
with latest_metrics as (
    select
        channel,
        post_id,
        likes,
        reposts,
        replies,
        quotes,
        score,
        row_number() over (
            partition by channel, post_id
            order by observed_at desc, batch_id desc
        ) as recency
    from metric_snapshots
),

current_labels as (
    select
        l.channel,
        l.post_id,
        l.objective
    from post_labels as l
    inner join labelers as v
        on v.labeler_version = l.labeler_version
        and v.is_current
),

owned_posts as (
    select
        p.channel,
        p.post_id,
        p.company,
        p.account_id,
        cast(p.created_at at time zone 'UTC' as date) as post_date
    from posts as p
    where p.author_type = 'owned'
        and not p.is_deleted
),

followers_at_post as (
    select
        o.channel,
        o.post_id,
        (
            select s.followers
            from account_snapshots as s
            where s.channel = o.channel
                and s.account_id = o.account_id
                and s.snapshot_date <= o.post_date
            order by s.snapshot_date desc
            limit 1
        ) as followers
    from owned_posts as o
),

post_engagement as (
    select
        o.company,
        o.channel,
        coalesce(c.objective, 'other') as objective,
        o.post_date,
        case
            when o.channel = 'x'
                then coalesce(m.likes, 0) + coalesce(m.reposts, 0) + coalesce(m.replies, 0) + coalesce(m.quotes, 0)
            else coalesce(m.score, 0) + coalesce(m.replies, 0)
        end as interactions,
        f.followers
    from owned_posts as o
    left join latest_metrics as m
        on m.channel = o.channel
        and m.post_id = o.post_id
        and m.recency = 1
    left join current_labels as c
        on c.channel = o.channel
        and c.post_id = o.post_id
    left join followers_at_post as f
        on f.channel = o.channel
        and f.post_id = o.post_id
),

final as (
    select
        company,
        channel,
        objective,
        post_date,
        count(*) as posts,
        sum(interactions) as interactions,
        avg(cast(interactions as double precision) / nullif(followers, 0)) as engagement_rate_by_followers
    from post_engagement
    group by
        company,
        channel,
        objective,
        post_date
)

select * from final
