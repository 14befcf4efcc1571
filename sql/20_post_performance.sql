-- Each row represents one post a tracked company published itself (author_type 'owned',
-- company not null), not deleted, with its current label, its newest metrics, its audience at
-- publication and its engagement rates, and its interactions at 24 hours and 7 days (maturity).
-- Deleted posts are left out: their metrics froze when they vanished and nobody can see them.
-- Replies (x replies, reddit comments) and reposts stay here, flagged; the aggregate views
-- keep only original posts (is_original).
-- Audience (followers): x = the author account's followers; reddit = the subscribers of the
-- subreddit the post appeared in. The snapshot used is the latest one on or before the post's
-- UTC date, else the earliest one after it (followers_snapshot_after_post says so).
with owned_posts as (
    select
        p.channel,
        p.post_id,
        p.company,
        p.account_id,
        p.account_handle,
        p.community,
        p.created_at,
        cast(p.created_at at time zone 'UTC' as date) as post_date,
        p.title,
        p.text,
        p.url,
        p.is_reply,
        p.is_repost,
        p.is_quote,
        case
            when p.channel = 'reddit'
                then lower(p.community)
            else p.account_id
        end as audience_key
    from posts as p
    where p.author_type = 'owned'
        and p.company is not null
        and not p.is_deleted
),

audience_snapshots as (
    select
        channel,
        case
            when kind = 'subreddit'
                then lower(handle)
            else account_id
        end as audience_key,
        snapshot_date,
        followers
    from account_snapshots
    where followers is not null
        and (
            (channel = 'x' and kind = 'account')
            or (channel = 'reddit' and kind = 'subreddit')
        )
),

audience_candidates as (
    select
        o.channel,
        o.post_id,
        a.followers,
        a.snapshot_date,
        row_number() over (
            partition by
                o.channel,
                o.post_id
            order by
                case when a.snapshot_date <= o.post_date then 0 else 1 end,
                abs(o.post_date - a.snapshot_date)
        ) as preference
    from owned_posts as o
    inner join audience_snapshots as a
        on a.channel = o.channel
        and a.audience_key = o.audience_key
),

audience_at_post as (
    select
        channel,
        post_id,
        followers,
        snapshot_date
    from audience_candidates
    where preference = 1
),

observations_by_24h as (
    select
        o.channel,
        o.post_id,
        m.interactions,
        m.observed_at,
        row_number() over (
            partition by
                o.channel,
                o.post_id
            order by
                m.observed_at desc,
                m.batch_id desc
        ) as recency
    from owned_posts as o
    inner join metric_observations as m
        on m.channel = o.channel
        and m.post_id = o.post_id
        and m.observed_at <= o.created_at + interval '24 hours'
),

observations_by_7d as (
    select
        o.channel,
        o.post_id,
        m.interactions,
        m.observed_at,
        row_number() over (
            partition by
                o.channel,
                o.post_id
            order by
                m.observed_at desc,
                m.batch_id desc
        ) as recency
    from owned_posts as o
    inner join metric_observations as m
        on m.channel = o.channel
        and m.post_id = o.post_id
        and m.observed_at <= o.created_at + interval '7 days'
),

joined as (
    select
        o.channel,
        o.post_id,
        o.company,
        c.is_focus,
        o.account_id,
        o.account_handle,
        o.community,
        o.created_at,
        o.post_date,
        cast(date_trunc('week', o.post_date) as date) as week_start,
        cast(date_trunc('month', o.post_date) as date) as month_start,
        coalesce(l.objective, 'unlabeled') as objective,
        l.theme,
        l.confidence as label_confidence,
        o.is_reply,
        o.is_repost,
        o.is_quote,
        not (o.is_reply or o.is_repost) as is_original,
        o.title,
        o.text,
        o.url,
        m.observed_at as metrics_observed_at,
        coalesce(m.observations, 0) as observations,
        m.likes,
        m.reposts,
        m.replies,
        m.quotes,
        m.bookmarks,
        m.impressions,
        m.score,
        m.upvote_ratio,
        m.amplification,
        m.applause,
        m.conversation,
        m.interactions,
        a.followers,
        a.snapshot_date as followers_snapshot_date,
        a.snapshot_date > o.post_date as followers_snapshot_after_post,
        d1.interactions as interactions_24h,
        cast(extract(epoch from d1.observed_at) - extract(epoch from o.created_at) as double precision) / 3600 as interactions_24h_age_hours,
        d7.interactions as interactions_7d,
        cast(extract(epoch from d7.observed_at) - extract(epoch from o.created_at) as double precision) / 3600 as interactions_7d_age_hours
    from owned_posts as o
    left join companies as c
        on c.company = o.company
    left join post_labels_current as l
        on l.channel = o.channel
        and l.post_id = o.post_id
    left join post_metrics_latest as m
        on m.channel = o.channel
        and m.post_id = o.post_id
    left join audience_at_post as a
        on a.channel = o.channel
        and a.post_id = o.post_id
    left join observations_by_24h as d1
        on d1.channel = o.channel
        and d1.post_id = o.post_id
        and d1.recency = 1
    left join observations_by_7d as d7
        on d7.channel = o.channel
        and d7.post_id = o.post_id
        and d7.recency = 1
),

final as (
    select
        channel,
        post_id,
        company,
        is_focus,
        account_id,
        account_handle,
        community,
        created_at,
        post_date,
        week_start,
        month_start,
        objective,
        theme,
        label_confidence,
        is_reply,
        is_repost,
        is_quote,
        is_original,
        title,
        text,
        url,
        metrics_observed_at,
        observations,
        likes,
        reposts,
        replies,
        quotes,
        bookmarks,
        impressions,
        score,
        upvote_ratio,
        amplification,
        applause,
        conversation,
        interactions,
        followers,
        followers_snapshot_date,
        followers_snapshot_after_post,
        cast(interactions as double precision) / nullif(followers, 0) as engagement_rate_by_followers,
        cast(interactions as double precision) / nullif(impressions, 0) as engagement_rate_by_impressions,
        cast(amplification as double precision) / nullif(followers, 0) as amplification_rate_by_followers,
        cast(applause as double precision) / nullif(followers, 0) as applause_rate_by_followers,
        cast(conversation as double precision) / nullif(followers, 0) as conversation_rate_by_followers,
        interactions_24h,
        interactions_24h_age_hours,
        interactions_7d,
        interactions_7d_age_hours
    from joined
)

select * from final
