-- Each row represents one company × channel × voice × week (Monday, UTC of the post): the
-- sentiment of earned posts about the company, i.e. other people's posts that mention it
-- (post_mentions, author_type = 'earned', not deleted). The voice follows the post's objective
-- from the current labeler: marketing = customer voice, recruiting = candidate voice, other =
-- public chatter. Sentiment comes from post_labels (positive / neutral / negative, score -1..1);
-- posts the current labeler has not scored are counted in earned_posts but not in the averages.
with earned as (
    select
        m.company,
        m.channel,
        m.post_id,
        cast(date_trunc('week', cast(p.created_at at time zone 'UTC' as date)) as date) as week_start,
        coalesce(l.objective, 'unlabeled') as objective,
        l.sentiment,
        l.sentiment_score
    from post_mentions as m
    inner join posts as p
        on p.channel = m.channel
        and p.post_id = m.post_id
    left join post_labels_current as l
        on l.channel = m.channel
        and l.post_id = m.post_id
    where p.author_type = 'earned'
        and not p.is_deleted
),

voiced as (
    select
        company,
        channel,
        week_start,
        case objective
            when 'marketing' then 'customer'
            when 'recruiting' then 'candidate'
            when 'other' then 'public'
            else 'unlabeled'
        end as voice,
        sentiment,
        sentiment_score
    from earned
),

final as (
    select
        company,
        channel,
        voice,
        week_start,
        count(*) as earned_posts,
        count(sentiment_score) as scored_posts,
        avg(sentiment_score) as avg_sentiment_score,
        cast(count(case when sentiment = 'positive' then 1 end) as double precision)
            / nullif(count(sentiment), 0) as share_positive,
        cast(count(case when sentiment = 'negative' then 1 end) as double precision)
            / nullif(count(sentiment), 0) as share_negative,
        (
            cast(count(case when sentiment = 'positive' then 1 end) as double precision)
            - count(case when sentiment = 'negative' then 1 end)
        ) / nullif(count(sentiment), 0) as net_sentiment
    from voiced
    group by
        company,
        channel,
        voice,
        week_start
)

select * from final
